package dev.jplay.modules.python;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Python program that runs a packed module on the host, read by the interpreter from stdin: it writes the
 * payload zip into a private temporary directory, puts the zip first on {@code sys.path}, hands the arguments to
 * {@code ansible.module_utils.basic} (with {@code _ansible_tmpdir} pointing at that directory), runs the module as
 * {@code __main__} and removes the directory when the module exits.
 */
final class Wrapper {
    private Wrapper() {}

    private static final String PROGRAM = """
            import base64, json, os, runpy, shutil, sys, tempfile
            def _jplay_main(fqn, payload, args):
                sys.path[:] = [p for p in sys.path if p not in ('', '.', os.getcwd())]
                tmp = tempfile.mkdtemp(prefix='ansible_' + fqn.rsplit('.', 1)[-1] + '_payload_')
                try:
                    zipped = os.path.join(tmp, 'jplay_payload.zip')
                    with open(zipped, 'wb') as f:
                        f.write(base64.b64decode(payload))
                    sys.path.insert(0, zipped)
                    params = json.loads(base64.b64decode(args).decode('utf-8'))
                    params['ANSIBLE_MODULE_ARGS']['_ansible_tmpdir'] = tmp
                    from ansible.module_utils import basic
                    basic._ANSIBLE_ARGS = json.dumps(params).encode('utf-8')
                    runpy.run_module(mod_name=fqn, init_globals=dict(_module_fqn=fqn, _modlib_path=zipped), run_name='__main__', alter_sys=True)
                    raise Exception('module %s did not exit with a result' % fqn)
                finally:
                    shutil.rmtree(tmp, True)
            """;

    /** The program for one call: the module's Python name, its payload zip and the JSON arguments. */
    static byte[] program(String fqn, byte[] zip, String argsJson) {
        Base64.Encoder b64 = Base64.getEncoder();
        String call = "_jplay_main(" + pyString(fqn) + ", '" + b64.encodeToString(zip) + "', '"
                + b64.encodeToString(argsJson.getBytes(StandardCharsets.UTF_8)) + "')\n";
        return (PROGRAM + call).getBytes(StandardCharsets.UTF_8);
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
