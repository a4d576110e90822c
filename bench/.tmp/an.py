import json,glob,collections,os
fs=sorted(glob.glob('/work/main/bench/.tmp/*.cpuprofile'), key=os.path.getsize)
p=json.load(open(fs[-1]))
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
self=collections.Counter()
for s,d in zip(p['samples'],p['timeDeltas']): self[s]+=d
agg=collections.Counter()
for nid,t in self.items():
    cf=nodes[nid]['callFrame']
    agg[(cf['functionName'] or '(anon)', cf['url'].split('/node_modules/')[-1][-50:], cf['lineNumber'], cf['columnNumber'])]+=t
tot=sum(agg.values())
for k,v in agg.most_common(16): print(f"{v/1000:8.0f}ms {100*v/tot:5.1f}% {k}")
incl=collections.Counter()
def anc(n):
    while n in parent:
        n=parent[n]; yield n
for nid,t in self.items():
    seen=set()
    for a in [nid,*anc(nid)]:
        cf=nodes[a]['callFrame']
        if '/work/main/lib' in cf['url'] or '/work/main/components' in cf['url']:
            key=(cf['functionName'] or '(anon)', cf['url'].split('/work/main/')[-1], cf['lineNumber'], cf['columnNumber'])
            if key not in seen: incl[key]+=t; seen.add(key)
print("--- inclusive")
for k,v in incl.most_common(12): print(f"{v/1000:8.0f}ms {k}")
