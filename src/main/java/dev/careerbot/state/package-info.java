/**
 * What several instances of one bot must share, behind one small interface ({@link
 * dev.careerbot.state.StateStore}): conversation contexts with their expiry, the dedupe memory of
 * platform message ids, per-person rate-limit buckets, and admin announcements such as a reload.
 * {@link dev.careerbot.state.MemoryStateStore} keeps them in this process (the default); the
 * {@code redis} subpackage keeps them in Redis so any number of processes share them.
 */
package dev.careerbot.state;
