/** The console chat: the bot in a terminal, for trying it out with no platform token. */
package dev.careerbot.channel.console;
