/**
 * The Discord adapter, built on JDA. {@link dev.careerbot.channel.discord.DiscordAdapter} logs in
 * through JDA's {@code DefaultShardManager}, turns guild mentions, direct messages, slash commands
 * and button clicks into {@link dev.careerbot.message.InboundMessage}s for the
 * {@link dev.careerbot.message.Responder}, and renders each {@link dev.careerbot.message.Reply}
 * as escaped Discord markdown with buttons and with every mention switched off.
 *
 * <p>JDA types never leave this package.
 */
package dev.careerbot.channel.discord;
