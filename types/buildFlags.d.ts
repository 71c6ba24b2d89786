/** Set by webpack's DefinePlugin (and jest's globals): the pseudo-locale exists in simulator and test builds. */
declare const __GOALPOST_PSEUDO__: boolean;
/** webpack's base address for lazy chunks, set at run time by src/publicPath.ts. */
declare let __webpack_public_path__: string;
