-- One person's rate-limit bucket, atomically across every instance that shares this Redis.
-- The same rule as dev.careerbot.state.TokenBucket: up to ARGV[1] tokens, ARGV[2] more a minute,
-- one taken per message; the first message without a token gets the notice (1), later ones are
-- dropped (2) until the bucket has filled up again. Time is Redis's own clock, so instances whose
-- clocks differ still agree. The key expires once the bucket would be full again: a full bucket
-- and no bucket mean the same.
-- KEYS[1] the bucket; returns 0 answer, 1 notice, 2 drop.
local capacity = tonumber(ARGV[1])
local perMicro = tonumber(ARGV[2]) / 60000000
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'noticed')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
local noticed = state[3] == '1'
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMicro)
if tokens >= capacity then
  noticed = false
end
local result
if tokens >= 1 then
  tokens = tokens - 1
  result = 0
elseif noticed then
  result = 2
else
  noticed = true
  result = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', now),
  'noticed', noticed and '1' or '0')
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMicro / 1000) + 1000)
return result
