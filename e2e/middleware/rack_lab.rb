# Ruby's Rack with rack-cors (the CORS middleware Rails apps use), configured the usual ways: one Rack app
# per case, on WEBrick.
#
# Run by e2e/middleware/rack-lab.ts with Debian's Ruby (ruby-rack, ruby-rack-cors, ruby-webrick):
#   ruby rack_lab.rb <config.json>
#   config: {"port": <port>, "cases": {"<id>": {"cors": {"origins": [...], "resource": "*", "headers": "any" | [...],
#            "methods": [...], "credentials": bool} | null}}, "config_ru": <Ruby> | absent}
# Each case answers at /rb/<id>/r with {"ok":true}. With "config_ru" (a fix CORS Lens gave, checked by
# e2e/fixes.spec.ts) every path is served by an app built from that text as rackup builds config.ru.
# What rack-cors answers is its own business; Chromium judges it.
require 'json'
require 'rack'
require 'rack/cors'
require 'webrick'

config = JSON.parse(File.read(ARGV[0]))
ok = ->(_env) { [200, { 'Content-Type' => 'application/json' }, ['{"ok":true}']] }

def lab_case(spec, ok)
  Rack::Builder.new do
    if spec['cors']
      c = spec['cors']
      use Rack::Cors do
        allow do
          origins(*c['origins'])
          opts = { headers: c['headers'] == 'any' ? :any : c['headers'], methods: c['methods'].map(&:to_sym) }
          opts[:credentials] = true if c['credentials']
          resource(c['resource'] || '*', **opts)
        end
      end
    end
    run ok
  end
end

app = if config['config_ru']
  text = config['config_ru']
  Rack::Builder.new do
    instance_eval(text, 'config.ru')
    run ok
  end
else
  Rack::URLMap.new(config['cases'].to_h { |id, spec| ["/rb/#{id}", lab_case(spec, ok)] })
end

Rack::Handler::WEBrick.run(app, Host: '127.0.0.1', Port: config['port'], AccessLog: [], Logger: WEBrick::Log.new(File::NULL))
