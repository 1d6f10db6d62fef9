/**
 * Requests per access key: a token bucket per key in this process (several servers each allow
 * this much; a shared limit belongs with issue 15's work on several servers).
 */
const RATE_PER_SECOND = 20;
const BURST = 40;
const buckets = new Map<string, { tokens: number; at: number }>();

export function takeToken(key: string, now = Date.now()): boolean {
  const bucket = buckets.get(key) ?? { tokens: BURST, at: now };
  bucket.tokens = Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_SECOND);
  bucket.at = now;
  if (buckets.size > 10_000 && !buckets.has(key)) buckets.clear();
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** Starts every key afresh (tests that send hundreds of requests with one key, one after another). */
export function forgetThrottle(): void {
  buckets.clear();
}
