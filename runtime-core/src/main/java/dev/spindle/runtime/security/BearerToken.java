package dev.spindle.runtime.security;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** The {@code Authorization: Bearer <secret>} form shared by gRPC metadata and REST headers. */
public final class BearerToken {

    public static final Metadata.Key<String> AUTHORIZATION_KEY = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String PREFIX = "Bearer ";

    private BearerToken() {
    }

    /** The token of an authorization header value, or null if it is not a bearer token. */
    public static String parse(String headerValue) {
        if (headerValue == null || !headerValue.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return headerValue.substring(PREFIX.length()).trim();
    }

    public static String headerValue(ClusterSecret secret) {
        return PREFIX + secret.toBase64();
    }

    /** Adds the secret to every call of a channel. */
    public static ClientInterceptor clientInterceptor(ClusterSecret secret) {
        Metadata md = new Metadata();
        md.put(AUTHORIZATION_KEY, headerValue(secret));
        return MetadataUtils.newAttachHeadersInterceptor(md);
    }
}
