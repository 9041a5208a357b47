// Go's net/http with rs/cors or gorilla/handlers' CORS, configured the usual ways: one handler per case.
//
// Built and run by e2e/middleware/go-lab.ts with Debian's Go and packages (golang-go,
// golang-github-rs-cors-dev, golang-github-gorilla-handlers-dev), in GOPATH mode:
//
//	go_lab <config.json>
//	config: {"port": <port>, "cases": {"<id>": {"lib": "rs" | "gorilla" | "none", "origins": [...],
//	         "methods": [...], "headers": [...], "credentials": bool, "passthrough": bool}}}
//
// Each case answers at /g/<id>/r with {"ok":true}; what the libraries answer is theirs, Chromium judges it.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/gorilla/handlers"
	"github.com/rs/cors"
)

type caseConfig struct {
	Lib         string   `json:"lib"`
	Origins     []string `json:"origins"`
	Methods     []string `json:"methods"`
	Headers     []string `json:"headers"`
	Credentials bool     `json:"credentials"`
	Passthrough bool     `json:"passthrough"`
}

type config struct {
	Port  int                   `json:"port"`
	Cases map[string]caseConfig `json:"cases"`
}

func ok(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `{"ok":true}`)
}

func wrap(c caseConfig, h http.Handler) http.Handler {
	switch c.Lib {
	case "rs":
		return cors.New(cors.Options{
			AllowedOrigins:     c.Origins,
			AllowedMethods:     c.Methods,
			AllowedHeaders:     c.Headers,
			AllowCredentials:   c.Credentials,
			OptionsPassthrough: c.Passthrough,
		}).Handler(h)
	case "gorilla":
		var opts []handlers.CORSOption
		if c.Origins != nil {
			opts = append(opts, handlers.AllowedOrigins(c.Origins))
		}
		if c.Methods != nil {
			opts = append(opts, handlers.AllowedMethods(c.Methods))
		}
		if c.Headers != nil {
			opts = append(opts, handlers.AllowedHeaders(c.Headers))
		}
		if c.Credentials {
			opts = append(opts, handlers.AllowCredentials())
		}
		return handlers.CORS(opts...)(h)
	default:
		return h
	}
}

func main() {
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var conf config
	if err := json.Unmarshal(raw, &conf); err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	for id, c := range conf.Cases {
		mux.Handle("/g/"+id+"/r", wrap(c, http.HandlerFunc(ok)))
	}
	if err := http.ListenAndServe(fmt.Sprintf("127.0.0.1:%d", conf.Port), mux); err != nil {
		panic(err)
	}
}
