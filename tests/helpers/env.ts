// Integration tests run the real route handlers in-process; these settings make them
// deterministic (no rate limit unless a test asks for one, a fixed secret).
process.env.RATE_LIMIT_PER_MINUTE ??= '0';
process.env.APP_SECRET ??= 'integration-test-secret-0123456789';
process.env.NEXT_TELEMETRY_DISABLED = '1';
