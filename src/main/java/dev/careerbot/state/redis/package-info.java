/**
 * The {@link dev.careerbot.state.StateStore} in Redis, through Jedis: the one package that knows
 * Redis. Keys carry a configurable prefix; a store that cannot reach Redis answers without it and
 * reconnects by itself.
 */
package dev.careerbot.state.redis;
