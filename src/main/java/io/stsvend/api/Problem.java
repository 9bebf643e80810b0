package io.stsvend.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.stsvend.error.ErrorCode;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the catalogue's stable {@code code}. Built only
 * from the catalogue and safe detail sentences: never from exception messages of libraries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(ErrorCode error, String detail) {
        return new Problem("urn:stsvend:problem:" + error.code(), error.title(), error.status(), error.code(), detail);
    }
}
