/**
 * `webpack --mode production`: dist/, the app folder Zendesk (and `zcli apps:server dist`) serves; its
 * iframe loads the ZAF SDK from Zendesk's CDN.
 * `webpack --mode development --env simulator`: dist-sim/, the same app for the offline simulator and
 * browser tests, loading the npm build of the SDK (exposed as the same global) because no CDN is reachable.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ThirdPartyNoticesPlugin } = require('./scripts/thirdPartyNotices');

const CDN_SDK = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';

module.exports = (env = {}, argv = {}) => {
  const isSimulator = Boolean(env.simulator);
  const isProduction = argv.mode === 'production';
  const outDir = path.resolve(__dirname, isSimulator ? 'dist-sim' : 'dist');
  return {
    entry: {
      main: './src/index.tsx',
      ...(isSimulator ? { zaf_sdk: './simulator/zafSdkGlobal.js' } : {}),
    },
    // Lazy chunks (the nav_bar page's studio) load from beside main.js, wherever Zendesk serves assets/ from.
    output: {
      path: path.join(outDir, 'assets'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    // No eval-based source maps: the bundle must contain no eval.
    devtool: isProduction ? false : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
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
};
