package dev.careerbot.channel.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The sockets of the polling client, so that stopping can close them. A long poll waits up to
 * {@code longPollSeconds} for news and a blocked socket read ignores interrupts; closing the socket
 * ends the wait at once. (Cancelling the call would do too, but the library then logs the
 * cancelled call as an error on every clean shutdown.)
 */
final class PollingSockets extends SocketFactory {

    private final SocketFactory plain = SocketFactory.getDefault();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public Socket createSocket() throws IOException {
        return track(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(plain.createSocket(address, port, localAddress, localPort));
    }

    private Socket track(Socket socket) throws IOException {
        if (closed) {
            socket.close();
            throw new IOException("polling has stopped");
        }
        open.removeIf(Socket::isClosed);
        open.add(socket);
        return socket;
    }

    /** Closes every polling socket and refuses new ones. */
    void closeAll() {
        closed = true;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted; a socket that fails to close is gone anyway.
            }
        }
        open.clear();
    }
}
