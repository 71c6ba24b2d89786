// The npm build of the ZAF SDK, exposed as the global the CDN script defines — for the offline simulator only.
window.ZAFClient = require('zendesk_app_framework_sdk');
