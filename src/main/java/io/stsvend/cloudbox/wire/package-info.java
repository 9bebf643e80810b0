/**
 * What the STS and OSS emulators' wire formats have in common: the HMAC and digest primitives their signatures are
 * built from and the splitting of a query string or form body into pairs. Each emulator keeps its own rules on
 * top (which characters an encoding keeps, which error a malformed escape is).
 */
package io.stsvend.cloudbox.wire;
