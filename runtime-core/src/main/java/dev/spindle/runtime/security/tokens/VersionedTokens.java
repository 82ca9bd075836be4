package dev.spindle.runtime.security.tokens;

/**
 * One generation of delegation tokens as they travel to TaskExecutors.
 *
 * @param version increases with every generation the ApplicationMaster obtains
 * @param serialized Hadoop {@code Credentials} in token-storage form
 */
public record VersionedTokens(long version, byte[] serialized) {
}
