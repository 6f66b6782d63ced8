/**
 * What every platform adapter is: a {@link dev.careerbot.channel.ChatAdapter} that turns its
 * platform's messages into {@link dev.careerbot.message.InboundMessage}s and renders replies. Each
 * adapter lives in its own sub-package, and its SDK's types never leave it.
 */
package dev.careerbot.channel;
