package eu.creditbridge.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code LauncherStandIn <state dir> tied|untied}: a JVM standing in for a test run (tied) or for
 * {@code ./creditbridge start} (untied). It starts one {@link WaitingChild} as the stack starts its processes, prints
 * {@code child <pid>}, and waits to be killed.
 */
public final class LauncherStandIn {

    private LauncherStandIn() {
    }

    public static void main(String[] args) throws InterruptedException {
        StateLayout state = new StateLayout(Path.of(args[0]));
        List<String> command = ChildProcess.javaCommand(WaitingChild.NAME, List.of("-Xmx32m"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WaitingChild.class.getName()));
        ChildProcess child = new ChildProcess(WaitingChild.NAME, command, state.root(), state, () -> true, Duration.ofSeconds(30));
        if (args[1].equals("tied")) {
            child.tieToThisJvm();
        }
        child.start();
        System.out.println("child " + child.pid().orElseThrow());
        new CountDownLatch(1).await();
    }

    /** A process that does nothing until it is ended. */
    public static final class WaitingChild {
        static final String NAME = "waiting-child";

        private WaitingChild() {
        }

        public static void main(String[] args) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }
}
