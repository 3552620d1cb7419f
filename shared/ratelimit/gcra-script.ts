/**
 * gcra.ts's algorithm as one Redis script, so a decision is one atomic round trip shared by every
 * replica. KEYS[1] holds "tatUs:tatFrac" and expires when the bucket is full again (an absent key
 * is a full bucket); ARGV[1] is the limit, ARGV[2] the window in microseconds.
 *
 * Lua numbers are doubles, as in JavaScript, and every value here is an integer below 2^53;
 * string.format("%d") writes them without the exponent Lua's tostring would use. No `#!lua`
 * shebang: Redis 7.0 refuses its flags, and without one Redis 7 replicates the script's effects,
 * which is what allows TIME before a write.
 */
const algorithm = `
local limit = tonumber(ARGV[1])
local windowUs = tonumber(ARGV[2])
local q = math.floor(windowUs / limit)
local r = windowUs % limit
local function later(us, frac)
  frac = frac + r
  if frac >= limit then return us + q + 1, frac - limit end
  return us + q, frac
end

local tatUs, tatFrac = nowUs, 0
local stored = redis.call("GET", KEYS[1])
if stored then
  local a, b = string.match(stored, "^(%d+):(%d+)$")
  if a then tatUs, tatFrac = tonumber(a), tonumber(b) end
end
if tatUs < nowUs then tatUs, tatFrac = nowUs, 0 end

local nextUs, nextFrac = later(tatUs, tatFrac)
local ahead = nextUs - nowUs
local allowed = ahead < windowUs or (ahead == windowUs and nextFrac == 0)
if allowed then tatUs, tatFrac = nextUs, nextFrac end

local remaining = math.floor((limit * (nowUs + windowUs - tatUs) - tatFrac) / windowUs)
if remaining < 0 then remaining = 0 end
if remaining > limit then remaining = limit end
local resetUs = tatUs - nowUs
if tatFrac > 0 then resetUs = resetUs + 1 end
local afterUs, afterFrac = later(tatUs, tatFrac)
local retryAfterUs = afterUs - windowUs - nowUs
if afterFrac > 0 then retryAfterUs = retryAfterUs + 1 end
if retryAfterUs < 0 then retryAfterUs = 0 end

if allowed then
  -- Expire only once the TAT has passed: a millisecond more covers the clock's ms truncation.
  redis.call("SET", KEYS[1], string.format("%d:%d", tatUs, tatFrac),
    "PX", string.format("%d", math.ceil(resetUs / 1000) + 1))
end
return {allowed and 1 or 0, remaining, resetUs, retryAfterUs}
`;

/** Production: Redis' own clock, so the replicas' clocks never enter a decision. */
export const gcraScript = `local time = redis.call("TIME")
local nowUs = tonumber(time[1]) * 1000000 + tonumber(time[2])
${algorithm}`;

/** The same script with the clock passed as ARGV[3], to compare it with gcra.ts on equal inputs. */
export const gcraScriptWithClock = `local nowUs = tonumber(ARGV[3])
${algorithm}`;
