import { ensureClientBundle } from '../src/platform/http/assets.ts';

await ensureClientBundle();
console.log('client bundle ready: public/build/app.js');
