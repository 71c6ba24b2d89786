/** Set by webpack's DefinePlugin (and jest's globals): the pseudo-locale exists in simulator and test builds. */
declare const __GOALPOST_PSEUDO__: boolean;
