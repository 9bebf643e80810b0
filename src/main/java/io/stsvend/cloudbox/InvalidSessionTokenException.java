package io.stsvend.cloudbox;

/** The presented SecurityToken is malformed or was not minted by this emulator. Carries no token text. */
public final class InvalidSessionTokenException extends RuntimeException {

    public InvalidSessionTokenException() {
        super("invalid security token", null, false, false);
    }
}
