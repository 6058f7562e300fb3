package org.ketaminecds.hooks;

/** A call to a service id this service does not offer: answered 404. */
class UnknownServiceException extends RuntimeException {
  UnknownServiceException() {
    // The id is not repeated: it is whatever the caller put in the URL.
    super("There is no CDS service with this id; GET /cds-services lists the services");
  }
}
