package org.ketaminecds.hooks;

/** A call to a service id this service does not offer: answered 404. */
class UnknownServiceException extends RuntimeException {
  UnknownServiceException(String id) {
    super("There is no CDS service '" + id + "'; GET /cds-services lists the services");
  }
}
