#!/usr/bin/env node
// `npm run restore -- DIR [--force]`: build the server if needed, then restore a backup (README: Backup and restore).
const path = require('node:path');
require('./build').build();
require(path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'backup', 'restore-cli.js'));
