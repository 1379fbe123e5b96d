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

    /** The operating-system process behind the component. */
    ChildProcess process();

    /** Launches the process and returns once it answers; fails with the log's tail if it does not. */
    default void start() {
        process().start();
    }

    /** Asks the process to end (SIGTERM) and waits; forces it after a grace period. */
    default void stop() {
        process().stop();
    }

    /** Ends the process at once (SIGKILL): what a crash looks like to the rest of the system. */
    default void kill() {
        process().kill();
    }

    default void restart() {
        stop();
        start();
    }

    default boolean isRunning() {
        return process().isRunning();
    }

    default OptionalLong pid() {
        return process().pid();
    }

    /** Where the component is reached, for people: a URL or host:port. */
    String address();
}
