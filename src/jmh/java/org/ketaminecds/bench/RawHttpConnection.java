package org.ketaminecds.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a loopback port that sends a prepared request and reads the
 * whole answer, opening a new socket when the server closes one (Tomcat does after 100 requests).
 * Deliberately minimal (blocking socket, no TLS, no redirects): the load generator shares two cores
 * with the service, and every microsecond it spends is taken from the service.
 */
final class RawHttpConnection implements AutoCloseable {

  /** The status code and body of one answer. */
  record Answer(int status, byte[] body) {}

  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  RawHttpConnection(int port) throws IOException {
    this.port = port;
    open();
  }

  private void open() throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  static byte[] post(int port, String path, byte[] body) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  Answer exchange(byte[] request) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(request);
    out.flush();
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    Answer answer = new Answer(status, chunked ? chunkedBody() : fixedBody(contentLength));
    if (closing) {
      close();
    }
    return answer;
  }

  private byte[] fixedBody(long length) throws IOException {
    if (length < 0) {
      throw new IOException("answer without a length on a keep-alive connection");
    }
    return in.readNBytes((int) length);
  }

  private byte[] chunkedBody() throws IOException {
    var body = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
        size > 0;
        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
      body.write(in.readNBytes(size));
      line();
    }
    while (!line().isEmpty()) {
      // trailers, if any
    }
    return body.toByteArray();
  }

  private String line() throws IOException {
    var line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
