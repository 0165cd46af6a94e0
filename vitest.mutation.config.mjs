// The unit config, narrowed to the tests that guard the module Stryker mutates (stryker.config.mjs).
import { defineConfig } from 'vitest/config';
import { chosenModule } from './scripts/mutation-modules.mjs';
import base from './vitest.config.ts';

export default defineConfig({ ...base, test: { ...base.test, include: chosenModule().tests } });
