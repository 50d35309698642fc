#!/usr/bin/env node
// `npm run migrate`: build the server if needed, then apply pending migrations.
const path = require('node:path');
require('./build').build();
require(path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'database', 'migrate.js'));
