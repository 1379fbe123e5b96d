package eu.creditbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port choice and checks; everything of the local stack binds the loopback address only. */
public final class LocalPorts {

    public static final String HOST = "127.0.0.1";

    private LocalPorts() {
    }

    /** A port that is free on 127.0.0.1 right now (the OS picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Fails, naming the port and who wanted it, when something already listens there. */
    public static void requireFree(int port, String wantedBy) {
        if (!isFree(port)) {
            throw new PortTakenException(port, wantedBy);
        }
    }

    public static final class PortTakenException extends IllegalStateException {
        private final int port;

        PortTakenException(int port, String wantedBy) {
            super("Port " + port + " on " + HOST + " is already in use, but " + wantedBy + " needs it. "
                    + "Stop whatever listens there (e.g. `ss -ltnp 'sport = :" + port + "'` shows it; "
                    + "`./creditbridge stop` if it is an earlier CreditBridge stack) and try again.");
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
