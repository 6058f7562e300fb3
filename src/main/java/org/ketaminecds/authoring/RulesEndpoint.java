package org.ketaminecds.authoring;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/rules}: what {@code /admin/rules} shows, for operators when the JWT check is on.
 * {@code /admin/**} needs an EHR's token; this endpoint is meant for the management port, which
 * EHRs do not reach: {@code --management.server.port=9090
 * --management.endpoints.web.exposure.include=health,rules}. It is not exposed over HTTP unless
 * named in that list.
 */
@Component
@Endpoint(id = "rules")
class RulesEndpoint {

  private final RulesStatusSource status;

  RulesEndpoint(RulesStatusSource status) {
    this.status = status;
  }

  @ReadOperation
  RulesStatus rules() {
    return status.status();
  }
}
