package org.ketaminecds.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat reads a request from the socket in chunks of its application read buffer, 8 KB by default:
 * a heavy prefetched chart (about 1 MB) took 128 reads, each a system call, a twentieth of the
 * call's CPU. With 64 KB it takes 16. The buffer is per open connection, and EHRs keep few.
 */
@Configuration(proxyBeanMethods = false)
class ReadBufferConfiguration {

  static final int READ_BUFFER_BYTES = 64 * 1024;

  @Bean
  TomcatConnectorCustomizer largerReadBuffer() {
    return connector ->
        connector.setProperty("socket.appReadBufSize", Integer.toString(READ_BUFFER_BYTES));
  }
}
