package eu.creditbridge.localstack;

import java.util.OptionalLong;

/**
 * One process of the local stack as the CLI and the system tests see it: something that can be
 * started (returning once it is ready), stopped gracefully, killed as a crash would, and restarted
 * on the same ports and state.
 */
public interface StackComponent {

    /** Short name, also the name of its log file ({@code <state>/logs/<name>.log}). */
    String name();

    /** Launches the process and returns once it answers; fails with the log's tail if it does not. */
    void start();

    /** Asks the process to end (SIGTERM) and waits; forces it after a grace period. */
    void stop();

    /** Ends the process at once (SIGKILL): what a crash looks like to the rest of the system. */
    void kill();

    default void restart() {
        stop();
        start();
    }

    boolean isRunning();

    OptionalLong pid();

    /** Where the component is reached, for people: a URL or host:port. */
    String address();
}
