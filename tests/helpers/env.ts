// Integration tests run the real route handlers in-process; these settings make them
// deterministic (no rate limit unless a test asks for one, a fixed secret).
process.env.RATE_LIMIT_PER_MINUTE ??= '0';
process.env.BURST_RESPONSES ??= '0';
process.env.APP_SECRET ??= 'integration-test-secret-0123456789';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// New cases and alerts are queued for this (unreachable) receiver, so tests can see the queue.
process.env.WEBHOOK_URL ??= 'http://127.0.0.1:9/hailong-hook';
process.env.WEBHOOK_SECRET ??= 'integration-webhook-secret';
