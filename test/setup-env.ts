// The AWS SDK warns on Node 20 about its 2027 support policy on every test file; it is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
