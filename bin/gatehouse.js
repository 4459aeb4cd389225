#!/usr/bin/env node
require('../dist/tools/cli/src/main.js');
