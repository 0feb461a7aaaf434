// Package handles holds the handles family: a Go object handed to C as an
// id and looked up again when C calls back, through each kind of registry.
package handles

/*
#include <stdint.h>
uint32_t handles_call(uintptr_t id);
uint32_t handles_echo(uintptr_t id);
*/
import "C"

import (
	"runtime/cgo"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Obj is the Go object C holds on to.
type Obj struct {
	Key uintptr // unique, set when the object is made: the object-key ids
	V   uint32
}

// Registry is one way of turning an object into an id and back.
type Registry interface {
	Put(o *Obj) uintptr
	Get(id uintptr) *Obj
	Delete(id uintptr)
}

// current is the registry the callback looks in; set before each run.
var current Registry

// Call registers o, hands its id to C, which calls back into Go to look it
// up, and deletes the id: one object's whole stay in C.
//
//go:noinline
func Call(r Registry, o *Obj) uint32 {
	id := r.Put(o)
	v := uint32(C.handles_call(C.uintptr_t(id)))
	r.Delete(id)
	return v
}

//export goLookup
func goLookup(id C.uintptr_t) C.uint32_t { return C.uint32_t(current.Get(uintptr(id)).V) }

// Echo is the baseline: the same go->c->go round trip carrying an id, with
// no registry.
//
//go:noinline
func Echo(o *Obj) uint32 { return uint32(C.handles_echo(C.uintptr_t(o.V))) }

//export goEcho
func goEcho(id C.uintptr_t) C.uint32_t { return C.uint32_t(id) }

// Handles is runtime/cgo.Handle.
type Handles struct{}

func (Handles) Put(o *Obj) uintptr  { return uintptr(cgo.NewHandle(o)) }
func (Handles) Get(id uintptr) *Obj { return cgo.Handle(id).Value().(*Obj) }
func (Handles) Delete(id uintptr)   { cgo.Handle(id).Delete() }

// Ids hands out ids: from a mutex-guarded counter, from sync/atomic, or
// the object's own key.
type Ids int

const (
	AtomicIds Ids = iota
	MutexIds
	ObjectKeys
)

type idSource struct {
	kind Ids
	mu   sync.Mutex
	n    uintptr
	an   uint64
}

func (s *idSource) next(o *Obj) uintptr {
	switch s.kind {
	case MutexIds:
		s.mu.Lock()
		s.n++
		id := s.n
		s.mu.Unlock()
		return id
	case ObjectKeys:
		return o.Key
	}
	return uintptr(atomic.AddUint64(&s.an, 1))
}

// LockedMap is one map behind a sync.RWMutex.
type LockedMap struct {
	ids idSource
	mu  sync.RWMutex
	m   map[uintptr]*Obj
}

func NewLockedMap(ids Ids) *LockedMap {
	return &LockedMap{ids: idSource{kind: ids}, m: map[uintptr]*Obj{}}
}

func (l *LockedMap) Put(o *Obj) uintptr {
	id := l.ids.next(o)
	l.mu.Lock()
	l.m[id] = o
	l.mu.Unlock()
	return id
}

func (l *LockedMap) Get(id uintptr) *Obj {
	l.mu.RLock()
	o := l.m[id]
	l.mu.RUnlock()
	return o
}

func (l *LockedMap) Delete(id uintptr) {
	l.mu.Lock()
	delete(l.m, id)
	l.mu.Unlock()
}

// Shards is how many maps ShardedMap spreads the ids over.
const Shards = 16

// apart is how far apart, in bytes, two shards' hot words lie: two cache
// lines, since x86 CPUs fetch lines in pairs.
const apart = 128

// shard is one map behind its own RWMutex, padded to apart bytes.
type shard struct {
	mu sync.RWMutex
	m  map[uintptr]*Obj
	_  [apart - unsafe.Sizeof(sync.RWMutex{}) - unsafe.Sizeof(uintptr(0))]byte
}

// ShardedMap is Shards maps, each behind its own RWMutex; id mod Shards
// picks one. No two shards share a cache line, nor do their maps'
// headers, which every Put and Delete writes: a write to one would take
// the line from the CPU using the other (false sharing). Unpadded, at 72
// bytes a shard, two goroutines on shards of their own ran 205 to 450
// ns/op, from one process to the next (docs/precision.md, item 32).
type ShardedMap struct {
	shards [Shards]shard
	ids    idSource
	spares []map[uintptr]*Obj // maps made between the shards', kept
}

func NewShardedMap(ids Ids) *ShardedMap {
	s := &ShardedMap{ids: idSource{kind: ids}}
	for i := range s.shards {
		s.shards[i].m = s.mapApart(i)
	}
	return s
}

// header is where a map's header lies: a map value is a pointer to it.
func header(m map[uintptr]*Obj) uintptr {
	return *(*uintptr)(unsafe.Pointer(&m))
}

// mapApart makes a map whose header lies at least apart bytes from those
// of the first n shards. Maps made one after another lie side by side
// (48 bytes each in Go 1.26); the ones too near are kept in spares so
// that their room is not given to the next.
func (s *ShardedMap) mapApart(n int) map[uintptr]*Obj {
	for tries := 0; ; tries++ {
		m := map[uintptr]*Obj{}
		if tries == 64 || s.farFrom(header(m), n) {
			return m
		}
		s.spares = append(s.spares, m)
	}
}

// farFrom says whether h lies at least apart bytes from the headers of
// the first n shards' maps.
func (s *ShardedMap) farFrom(h uintptr, n int) bool {
	for i := 0; i < n; i++ {
		o := header(s.shards[i].m)
		if h < o+apart && o < h+apart {
			return false
		}
	}
	return true
}

func (s *ShardedMap) Put(o *Obj) uintptr {
	id := s.ids.next(o)
	sh := &s.shards[id%Shards]
	sh.mu.Lock()
	sh.m[id] = o
	sh.mu.Unlock()
	return id
}

func (s *ShardedMap) Get(id uintptr) *Obj {
	sh := &s.shards[id%Shards]
	sh.mu.RLock()
	o := sh.m[id]
	sh.mu.RUnlock()
	return o
}

func (s *ShardedMap) Delete(id uintptr) {
	sh := &s.shards[id%Shards]
	sh.mu.Lock()
	delete(sh.m, id)
	sh.mu.Unlock()
}

// SyncMap is a sync.Map with ids from sync/atomic.
type SyncMap struct {
	ids idSource
	m   sync.Map
}

func NewSyncMap() *SyncMap { return &SyncMap{ids: idSource{kind: AtomicIds}} }

func (s *SyncMap) Put(o *Obj) uintptr {
	id := s.ids.next(o)
	s.m.Store(id, o)
	return id
}

func (s *SyncMap) Get(id uintptr) *Obj {
	v, _ := s.m.Load(id)
	return v.(*Obj)
}

func (s *SyncMap) Delete(id uintptr) { s.m.Delete(id) }
