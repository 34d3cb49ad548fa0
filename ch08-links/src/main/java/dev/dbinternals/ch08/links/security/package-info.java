/**
 * The fallacy "the network is secure" (분산 컴퓨팅의 오류) on the links: a CRC32C detects accidents,
 * not forgeries ({@code ForgedFrames}); an HMAC under a shared key ({@code FrameAuthenticator},
 * {@code AuthenticatedLink}) rejects forged frames, and the perfect link's sequence numbers catch a
 * replayed genuine one.
 */
package dev.dbinternals.ch08.links.security;
