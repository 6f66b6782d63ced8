/**
 * The Telegram adapter: long polling and sending through the TelegramBots library.
 *
 * <p>{@link dev.careerbot.channel.telegram.TelegramAdapter} is the only public class. It reads
 * updates ({@code UpdateReader}: which messages are for the bot, in private chats, groups and
 * forum topics), answers each in its chat's lane ({@code ChatLanes}, {@code Delivery}), renders
 * replies as escaped Telegram HTML split at 4,096 visible characters ({@code TelegramHtml},
 * {@code ReplyComposer}), paces sends ({@code SendPacer}) and honours Telegram's
 * {@code retry_after} on sends ({@code Outbox}) and on polling ({@code PollingBackOff}).
 * TelegramBots and OkHttp types never leave this package.
 */
package dev.careerbot.channel.telegram;
