// Command tlog-verifier checks ExportKit's transparency-log output with the reference implementation of signed notes
// and tree proofs, Go's golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog. ExportKit's tests run it; it is
// built in GOPATH mode against the Debian package golang-golang-x-mod-dev, with no network:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlog-verifier .
//
// Usage (exit status 0 when the input verifies, 1 with the reason on stderr when it does not, 2 on bad usage):
//
//	tlog-verifier checkpoint  VERIFIER-KEY ORIGIN CHECKPOINT-FILE
//	tlog-verifier inclusion   VERIFIER-KEY ORIGIN CHECKPOINT-FILE PROOF-FILE
//	tlog-verifier consistency VERIFIER-KEY ORIGIN OLD-CHECKPOINT-FILE NEW-CHECKPOINT-FILE PROOF-FILE
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// tree is a C2SP tlog-checkpoint's body: origin, size and root hash lines (extension lines may follow).
type tree struct {
	origin string
	size   int64
	root   tlog.Hash
}

func main() {
	if len(os.Args) < 5 {
		usage()
	}
	verifier, err := note.NewVerifier(os.Args[2])
	if err != nil {
		fail("verifier key: %v", err)
	}
	origin := os.Args[3]
	args := os.Args[4:]
	switch os.Args[1] {
	case "checkpoint":
		if len(args) != 1 {
			usage()
		}
		t := open(verifier, origin, args[0])
		fmt.Printf("%s %d %s\n", t.origin, t.size, t.root)
	case "inclusion":
		if len(args) != 2 {
			usage()
		}
		t := open(verifier, origin, args[0])
		var p struct {
			Index *int64      `json:"index"`
			Leaf  []byte      `json:"leaf"`
			Proof []tlog.Hash `json:"proof"`
		}
		readJSON(args[1], &p)
		if p.Index == nil || p.Leaf == nil || p.Proof == nil {
			fail("inclusion proof: index, leaf and proof are required")
		}
		if err := tlog.CheckRecord(p.Proof, t.size, t.root, *p.Index, tlog.RecordHash(p.Leaf)); err != nil {
			fail("inclusion proof: %v", err)
		}
		fmt.Printf("leaf %d is in the tree of %d records\n", *p.Index, t.size)
	case "consistency":
		if len(args) != 3 {
			usage()
		}
		old := open(verifier, origin, args[0])
		cur := open(verifier, origin, args[1])
		var p struct {
			Proof []tlog.Hash `json:"proof"`
		}
		readJSON(args[2], &p)
		if p.Proof == nil {
			fail("consistency proof: proof is required")
		}
		if err := tlog.CheckTree(p.Proof, cur.size, cur.root, old.size, old.root); err != nil {
			fail("consistency proof: %v", err)
		}
		fmt.Printf("the tree of %d records is a prefix of the tree of %d\n", old.size, cur.size)
	default:
		usage()
	}
}

// open verifies a signed checkpoint with note.Open and parses its body as C2SP tlog-checkpoint.
func open(verifier note.Verifier, origin, file string) tree {
	msg, err := os.ReadFile(file)
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint %s: %v", file, err)
	}
	t, err := parseCheckpoint(n.Text)
	if err != nil {
		fail("checkpoint %s: %v", file, err)
	}
	if t.origin != origin {
		fail("checkpoint %s: origin %q is not %q", file, t.origin, origin)
	}
	return t
}

func parseCheckpoint(text string) (tree, error) {
	lines := strings.SplitN(text, "\n", 4)
	if len(lines) < 4 || lines[0] == "" {
		return tree{}, errors.New("malformed checkpoint: origin, size and root hash lines are required")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || lines[1] != strconv.FormatInt(size, 10) {
		return tree{}, errors.New("malformed checkpoint: bad tree size")
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return tree{}, errors.New("malformed checkpoint: bad root hash")
	}
	return tree{lines[0], size, root}, nil
}

func readJSON(file string, v any) {
	data, err := os.ReadFile(file)
	if err != nil {
		fail("%v", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		fail("%s: %v", file, err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "tlog-verifier: "+format+"\n", args...)
	os.Exit(1)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: tlog-verifier checkpoint|inclusion|consistency VERIFIER-KEY ORIGIN FILE...")
	os.Exit(2)
}
