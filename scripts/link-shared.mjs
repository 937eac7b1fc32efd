// The compiled backend imports `@otklik/shared/...`; Node resolves it through
// dist/node_modules/@otklik/shared, which points at the compiled shared/ folder.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const link = join(root, 'dist', 'node_modules', '@otklik', 'shared');
mkdirSync(dirname(link), { recursive: true });
rmSync(link, { recursive: true, force: true });
symlinkSync('../../shared', link, 'dir');
