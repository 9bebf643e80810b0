package io.stsvend.admin;

/** An admitted administrator: the subject of a verified admin token that holds the admin role. */
public record Admin(String subject) {
}
