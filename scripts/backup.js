#!/usr/bin/env node
// `npm run backup -- --out DIR`: build the server if needed, then write a backup (README: Backup and restore).
const path = require('node:path');
require('./build').build();
require(path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'backup', 'backup-cli.js'));
