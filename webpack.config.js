/**
 * `webpack --mode production`: dist/, the app folder Zendesk (and `zcli apps:server dist`) serves; its
 * iframe loads the ZAF SDK from Zendesk's CDN.
 * `webpack --mode development --env simulator`: dist-sim/, the same app for the offline simulator and
 * browser tests, loading the npm build of the SDK (exposed as the same global) because no CDN is reachable.
 * `webpack --mode production --env simulator --env bench`: dist-bench/, the production app for the simulator,
 * and in dist-bench/hello/ the two Garden hello pages `npm run bench:ui` compares it with: the same config,
 * each page its own compilation (entries built together would share modules and change each other's output).
 */
const path = require('node:path');
const { DefinePlugin } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ThirdPartyNoticesPlugin } = require('./scripts/thirdPartyNotices');

const CDN_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

module.exports = (env = {}, argv = {}) => {
  const isSimulator = Boolean(env.simulator);
  const isBench = Boolean(env.bench);
  const isProduction = argv.mode === 'production';
  const outDir = path.resolve(__dirname, isBench ? 'dist-bench' : isSimulator ? 'dist-sim' : 'dist');
  // The pseudo-locale (src/ui/i18n/pseudoLocale.ts) is for the simulator and browser tests, not agents.
  const buildFlags = new DefinePlugin({ __GOALPOST_PSEUDO__: JSON.stringify(isSimulator && !isProduction) });
  const app = {
    entry: {
      main: './src/index.tsx',
      ...(isSimulator ? { zaf_sdk: './simulator/zafSdkGlobal.js' } : {}),
    },
    // Lazy chunks load from beside main.js, wherever Zendesk serves assets/ from: src/publicPath.ts says where.
    output: {
      path: path.join(outDir, 'assets'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      publicPath: '',
      clean: true,
    },
    // No eval-based source maps: the bundle must contain no eval.
    devtool: isProduction ? false : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        // `?part=sidebar|pages`: half a catalog (the sidebar never loads the nav_bar page's texts).
        {
          test: /translations[\\/][^\\/]+\.json$/,
          resourceQuery: /part=/,
          type: 'javascript/auto',
          use: path.resolve(__dirname, 'scripts/catalogPartLoader.js'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      buildFlags,
      new ThirdPartyNoticesPlugin(),
      new HtmlWebpackPlugin({
        template: './src/html/iframe.html',
        filename: 'iframe.html',
        chunks: ['main'],
        templateParameters: { zafSdkUrl: isSimulator ? 'zaf_sdk.js' : CDN_SDK, simulatorClock: isSimulator },
        inject: 'body',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.json', to: path.join(outDir, 'manifest.json') },
          { from: 'translations', to: path.join(outDir, 'translations') },
          { from: 'assets', to: outDir + '/assets' },
          ...(isSimulator
            ? [{ from: 'simulator/public/sim-clock.js', to: outDir + '/assets/sim-clock.js' }]
            : []),
        ],
      }),
    ],
  };
  if (!isBench) return app;
  const helloPage = (name) => ({
    ...app,
    entry: { [name]: `./bench/ui/${name}.tsx` },
    output: { ...app.output, path: path.join(outDir, 'hello'), clean: false },
    plugins: [
      buildFlags,
      new HtmlWebpackPlugin({ template: './bench/ui/hello.html', filename: `${name}.html`, inject: 'body' }),
    ],
  });
  return [app, helloPage('helloProgress'), helloPage('helloGarden')];
};
