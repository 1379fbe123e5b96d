package eu.creditbridge.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A JVM child process of the stack: output appended to a log file, pid in a pid file so that a later
 * {@code ./creditbridge stop} (another JVM) finds it, readiness awaited by polling a probe.
 *
 * <p>Each command line carries {@code -Dcreditbridge.process=<name>} so that a stale pid file whose
 * number the OS has since given to another program is never mistaken for ours.
 */
public final class ChildProcess {

    static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final File NO_INPUT = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");

    private final String name;
    private final List<String> command;
    private final Path workingDir;
    private final Path logFile;
    private final Path pidFile;
    private final ReadinessProbe probe;
    private final Duration startTimeout;
    private volatile ProcessHandle handle;
    private volatile Duration lastStartUpTime = Duration.ZERO;
    private volatile boolean tiedToThisJvm;

    public ChildProcess(String name, List<String> command, Path workingDir, StateLayout state, ReadinessProbe probe,
            Duration startTimeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.workingDir = workingDir;
        this.logFile = state.logFile(name);
        this.pidFile = state.pidFile(name);
        this.probe = probe;
        this.startTimeout = startTimeout;
    }

    /** The java launcher of the running JVM, so children run on the same Java as their parent. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The start of a java command line carrying our marker. */
    public static List<String> javaCommand(String name, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add(marker(name));
        cmd.addAll(jvmOptions);
        return cmd;
    }

    static String marker(String name) {
        return "-Dcreditbridge.process=" + name;
    }

    /** Launches, then waits for readiness outside the lock, so a concurrent stop or kill is never held up. */
    public void start() {
        Instant begin = Instant.now();
        ProcessHandle launched = launch();
        awaitReady(launched, begin);
        lastStartUpTime = Duration.between(begin, Instant.now());
    }

    private synchronized ProcessHandle launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + handle.pid() + ")");
        }
        try {
            Files.createDirectories(workingDir);
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.writeString(logFile, "---- " + Instant.now() + " starting: " + String.join(" ", command)
                            + (tiedToThisJvm ? " (tied to pid " + ProcessHandle.current().pid() + ")" : "") + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> launched = tiedToThisJvm ? tiedTo(ProcessHandle.current().pid(), command) : command;
            ProcessBuilder builder = new ProcessBuilder(detached(launched))
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
            handle = builder.start().toHandle();
            Files.writeString(pidFile, Long.toString(handle.pid()));
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(ProcessHandle launched, Instant begin) {
        Instant deadline = begin.plus(startTimeout);
        while (true) {
            if (!launched.isAlive()) {
                deletePidFile();
                throw new IllegalStateException(name + " exited while starting. Last lines of " + logFile + ":\n" + tail(30));
            }
            if (probe.isReady()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not become ready within " + startTimeout.toSeconds()
                        + " s (pid " + launched.pid() + "). Last lines of " + logFile + ":\n" + tail(30));
            }
            pause(POLL);
        }
    }

    /**
     * From the next start on, the process ends when this JVM ends, even by SIGKILL (see {@link TiedToParent}):
     * for stacks that belong to a test run or a chaos run, never for the CLI's long-lived stack.
     */
    public void tieToThisJvm() {
        this.tiedToThisJvm = true;
    }

    /**
     * The command with its main started through {@link TiedToParent}: {@code -cp CP Main args} becomes
     * {@code -cp OWN:CP TiedToParent PID Main args}, and {@code -jar JAR args} becomes
     * {@code -cp OWN:JAR TiedToParent PID <JAR's Main-Class> args} (the manifest's Class-Path still applies, and Spring
     * Boot's and Quarkus's launchers find their archive from their own class's location, which is still JAR).
     */
    static List<String> tiedTo(long parentPid, List<String> command) {
        int jar = command.indexOf("-jar");
        int classpath = command.indexOf("-cp");
        List<String> cmd = new ArrayList<>();
        if (jar >= 0 && (classpath < 0 || jar < classpath)) {
            cmd.addAll(command.subList(0, jar));
            String archive = command.get(jar + 1);
            cmd.addAll(List.of("-cp", StackArtifacts.ownClasses() + File.pathSeparator + archive, TiedToParent.class.getName(),
                    Long.toString(parentPid), mainClassOf(Path.of(archive))));
            cmd.addAll(command.subList(jar + 2, command.size()));
        } else if (classpath >= 0) {
            cmd.addAll(command.subList(0, classpath));
            cmd.addAll(List.of("-cp", StackArtifacts.ownClasses() + File.pathSeparator + command.get(classpath + 1),
                    TiedToParent.class.getName(), Long.toString(parentPid)));
            cmd.addAll(command.subList(classpath + 2, command.size()));
        } else {
            throw new IllegalArgumentException("Neither -jar nor -cp in " + command + "; cannot tie it to this JVM");
        }
        return cmd;
    }

    private static String mainClassOf(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null) {
                throw new IllegalStateException(jar + " names no Main-Class in its manifest");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
    }

    public void stop() {
        ProcessHandle current = handle;
        if (current != null) {
            terminate(current, GRACE_PERIOD);
        }
        deletePidFile();
    }

    public void kill() {
        ProcessHandle current = handle;
        if (current != null) {
            current.destroyForcibly();
            current.onExit().join();
        }
        deletePidFile();
    }

    public boolean isRunning() {
        ProcessHandle current = handle;
        return current != null && current.isAlive();
    }

    public OptionalLong pid() {
        ProcessHandle current = handle;
        return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration lastStartUpTime() {
        return lastStartUpTime;
    }

    public String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The process a pid file names, if it is still alive and is really the one we launched. */
    public static Optional<ProcessHandle> findRunning(Path pidFile, String name) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isOurs(p, name));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOurs(ProcessHandle process, String name) {
        // Where the OS does not reveal command lines we trust the pid file rather than leak a process.
        return process.info().commandLine().map(line -> line.contains(marker(name))).orElse(true);
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. */
    public static void terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of a process in KiB, read from /proc (Linux only). */
    public static OptionalLong residentKib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException unavailable) {
            // not Linux, or the process has gone
        }
        return OptionalLong.empty();
    }

    /*
     * Started through setsid where it exists, so a Ctrl-C in the terminal that ran `./creditbridge
     * start` later does not reach the stack. setsid execs in place, so the pid stays the java pid.
     */
    private static List<String> detached(List<String> command) {
        Path setsid = Path.of("/usr/bin/setsid");
        if (!Files.isExecutable(setsid)) {
            return command;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(setsid.toString());
        cmd.addAll(command);
        return cmd;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before use
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
