// A mocha interface offering both BDD (`describe`/`it`/`beforeEach`) and TDD (`suite`/`test`/`setup`) globals,
// so every test file works whichever style its author chose. Used by scripts/test.js and the integration index.
'use strict';
const Mocha = require('mocha');

module.exports = function bddAndTdd(suite) {
	Mocha.interfaces.bdd(suite);
	Mocha.interfaces.tdd(suite);
};
