package eu.creditbridge.localstack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code TiedToParent <parent pid> <main class> [args...]}: runs {@code <main class>} in this JVM and ends the JVM
 * when the process {@code <parent pid>} ends, however it ends.
 *
 * <p>Why: a test JVM stops its stack from a shutdown hook, but a SIGKILLed JVM (a CI timeout, an IDE's stop button)
 * runs no hooks, and its Kafka, Apicurio, MongoDB wire server and services would live on, holding ports and memory.
 * Started through this main, each of them notices the launcher is gone within a second and exits through
 * {@link System#exit}, so its own shutdown hooks (Kafka's controlled shutdown, the H2 store's close) still run.
 * The CLI's {@code ./creditbridge start} does not use it: that stack is meant to outlive the launcher.
 *
 * <p>The parent is watched by polling rather than {@link ProcessHandle#onExit()}: for a process that is not our
 * child, the JDK's own polling interval grows to five seconds.
 */
public final class TiedToParent {

    /** The exit status of a JVM ended because its parent went away (128 + SIGTERM, as if it had been terminated). */
    static final int PARENT_GONE = 143;
    private static final Duration POLL = Duration.ofMillis(500);
    /** Shutdown hooks that hang (a broker that cannot reach itself) must not keep an orphan alive. */
    private static final Duration HOOKS_AT_MOST = Duration.ofSeconds(30);

    private TiedToParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: TiedToParent <parent pid> <main class> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            System.err.println("Parent process " + parentPid + " is gone before " + args[1] + " started; not starting it.");
            System.exit(PARENT_GONE);
        }
        Thread watch = new Thread(() -> watch(parent.get()), "tied-to-parent-" + parentPid);
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(ProcessHandle parent) {
        while (parent.isAlive()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        System.out.println("TiedToParent: parent process " + parent.pid() + " has gone; exiting.");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HOOKS_AT_MOST.toMillis());
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "tied-to-parent-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(PARENT_GONE);
    }
}
