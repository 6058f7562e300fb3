package org.ketaminecds.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "FHIR server" on a loopback port that is broken below HTTP: it accepts connections and either
 * resets them at once or holds them open without a byte of answer. Stops with {@link #close()}.
 */
final class BrokenTcpServer implements AutoCloseable {

  enum Behaviour {
    /** Accepts, then closes with a TCP reset (SO_LINGER 0). */
    RESET,
    /** Accepts and never answers. */
    SILENT
  }

  private final ServerSocket serverSocket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private BrokenTcpServer(Behaviour behaviour) throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> accept(behaviour), "broken-tcp-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static BrokenTcpServer start(Behaviour behaviour) {
    try {
      return new BrokenTcpServer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/fhir";
  }

  private void accept(Behaviour behaviour) {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        if (behaviour == Behaviour.RESET) {
          socket.setSoLinger(true, 0);
          socket.close();
        } else {
          held.add(socket);
        }
      } catch (IOException e) {
        // Closed: the loop ends.
      }
    }
  }

  @Override
  public void close() {
    try {
      serverSocket.close();
      for (Socket socket : held) {
        socket.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
