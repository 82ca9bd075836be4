package dev.spindle.yarn.am.security;

import java.util.List;

import org.apache.hadoop.security.Credentials;

import dev.spindle.yarn.common.security.TokenLifetime;

/** What the renewal scheduler does to tokens: obtain a new generation, or renew the current one. */
interface TokenOperations {

    /** A generation of tokens with the lifetime of each. */
    record Generation(Credentials credentials, List<TokenLifetime> lifetimes) {
    }

    /** New tokens of every service, with their lifetimes (learned by renewing each once). */
    Generation obtain() throws Exception;

    /** Renews the tokens of {@code generation}; returns their new lifetimes. */
    List<TokenLifetime> renew(Generation generation) throws Exception;
}
