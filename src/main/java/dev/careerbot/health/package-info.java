/**
 * The HTTP endpoint a supervisor and Prometheus read: {@code GET /healthz} (200 only while every
 * enabled adapter is connected) and {@code GET /metrics} (Prometheus text format), served by the
 * JDK's own HTTP server on a configurable address.
 */
package dev.careerbot.health;
