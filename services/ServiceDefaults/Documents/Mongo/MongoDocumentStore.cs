using CivilAffairs.ServiceDefaults.Outbox;
using MongoDB.Bson;
using MongoDB.Driver;
using static CivilAffairs.ServiceDefaults.Documents.Mongo.MongoCommands;

namespace CivilAffairs.ServiceDefaults.Documents.Mongo;

/// <summary>
/// The production engine: one MongoDB database per service, one collection <c>doc_&lt;name&gt;</c> per declared
/// collection with its indexes created at start-up. A batch of one change is one atomic operation; a larger batch, or
/// a call's unit of work, is one multi-document transaction (a replica set, a single-node one is fine), retried as a
/// whole when the server reports a transient transaction error. The commands themselves are in <see cref="MongoCommands"/>.
/// </summary>
public sealed class MongoDocumentStore(IMongoClient client, IMongoDatabase database, OutboxSignal? outboxSignal = null) : IDocumentStore
{
    internal const int TransactionAttempts = 5;

    internal IMongoCollection<BsonDocument> Of(IDocumentCollection collection) => database.GetCollection<BsonDocument>(CollectionName(collection));

    // ---- reads ---------------------------------------------------------------------------------------------------

    public async Task<Stored<T>?> GetAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken = default) where T : class
    {
        var found = await FindRaw(collection, ById(id)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : Read(collection, found);
    }

    public async Task<IReadOnlyList<Stored<T>>> GetManyAsync<T>(DocumentCollection<T> collection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default) where T : class =>
        ids.Count == 0 ? [] : (await FindRaw(collection, ByIds(ids.Distinct())).ToListAsync(cancellationToken)).Select(d => Read(collection, d)).ToList();

    public async Task<IReadOnlyList<Stored<T>>> FindAsync<T>(DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken = default) where T : class
    {
        var find = FindRaw(collection, Filter(collection, query)).Sort(Sort(query));
        if (query.Skip > 0) find = find.Skip(query.Skip);
        if (query.Limit is { } limit) find = find.Limit(limit);
        if (query.Limit == 0) return [];
        return (await find.ToListAsync(cancellationToken)).Select(d => Read(collection, d)).ToList();
    }

    public Task<long> CountAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class =>
        Session() is { } session
            ? Of(collection).CountDocumentsAsync(session, Filter(collection, query), cancellationToken: cancellationToken)
            : Of(collection).CountDocumentsAsync(Filter(collection, query), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<FieldGroup>> GroupAsync<T>(DocumentCollection<T> collection, DocumentQuery query, IReadOnlyList<string> groupBy,
        string? sum = null, CancellationToken cancellationToken = default) where T : class
    {
        foreach (var field in groupBy.Append(sum).OfType<string>())
            if (collection.Field(field).Many) throw new ArgumentException($"cannot group or sum '{collection.Name}' by its multi-valued field '{field}'");
        PipelineDefinition<BsonDocument, BsonDocument> pipeline = GroupPipeline(collection, query, groupBy, sum);
        var cursor = Session() is { } session
            ? await Of(collection).AggregateAsync(session, pipeline, cancellationToken: cancellationToken)
            : await Of(collection).AggregateAsync(pipeline, cancellationToken: cancellationToken);
        return (await cursor.ToListAsync(cancellationToken)).Select(g =>
        {
            var key = g["_id"].IsBsonDocument ? g["_id"].AsBsonDocument : [];
            var values = Enumerable.Range(0, groupBy.Count).Select(i => key.TryGetValue($"k{i}", out var v) ? FromBson(v) : null).ToArray();
            return new FieldGroup(values, Convert.ToInt64(FromBson(g["count"])), Convert.ToDouble(FromBson(g["sum"]) ?? 0d));
        }).ToList();
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);
        return true;
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    public async Task<WriteConflict?> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        if (CallTransaction.Current(this) is { } call) return await call.ApplyAsync(batch, cancellationToken);
        if (batch.IsEmpty) return null;
        WriteConflict? conflict;
        if (batch.Operations is [not WriteOperation.InsertNumbered])
        {
            // One change is atomic on its own: no transaction needed.
            conflict = await ApplyAsync(null, batch, cancellationToken);
        }
        else
        {
            using var session = await client.StartSessionAsync(cancellationToken: cancellationToken);
            conflict = await InTransactionAsync(session, [batch], cancellationToken);
        }
        if (conflict is null) Committed(batch);
        return conflict;
    }

    public CallTransaction BeginCall() => new MongoCallTransaction(this, client);

    public Task<long> PurgeAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class =>
        Of(collection).DeleteManyAsync(Filter(collection, query), cancellationToken).ContinueWith(t => t.Result.DeletedCount, cancellationToken,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    public async Task InitializeAsync(IReadOnlyList<IDocumentCollection> collections, CancellationToken cancellationToken = default)
    {
        foreach (var collection in collections)
        {
            var models = Indexes(collection).Select(i => new CreateIndexModel<BsonDocument>(i.Keys, new CreateIndexOptions<BsonDocument>
            {
                Name = i.Name, Unique = i.Unique, PartialFilterExpression = i.Partial,
            })).ToList();
            if (models.Count > 0) await Of(collection).Indexes.CreateManyAsync(models, cancellationToken);
            await BackfillAsync(collection, cancellationToken);
        }
    }

    /// <summary>Recomputes the declared fields of documents written before a field was declared (their <c>f</c> lacks it).</summary>
    private async Task BackfillAsync(IDocumentCollection collection, CancellationToken cancellationToken)
    {
        var declared = collection.Fields.Select(f => f.Name).ToList();
        if (declared.Count == 0) return;
        // Only documents whose f misses a field that has a value are rewritten; a null field is simply absent.
        var cursor = await Of(collection).FindAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var stored in cursor.Current)
            {
                var fields = Fields(collection, collection.DeserializeDocument(DocumentJson(stored)));
                if (stored.TryGetValue("f", out var current) && current == fields) continue;
                await Of(collection).UpdateOneAsync(ById(stored["_id"].AsString), new BsonDocument("$set", new BsonDocument("f", fields)),
                    cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>
    /// The release before the document store wrote other shapes into MongoDB, and its MongoDB adapters never ran against a
    /// server, so no import of them was ever tried: rather than start beside data it would not read, the service stops
    /// at start-up naming the collection (README, Storage: "Carrying data over").
    /// </summary>
    public async Task<int> ImportLegacyAsync(string source, Func<IReadOnlyList<LegacyRow>, WriteBatch> import, CancellationToken cancellationToken = default)
    {
        var names = await (await database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        if (!names.Contains(source)) return 0;
        throw new InvalidOperationException(
            $"the database '{database.DatabaseNamespace.DatabaseName}' holds '{source}', a collection of the release before the document store; " +
            "it is not carried over on MongoDB (README, Storage: carrying data over). Start on an empty database, or on the SQLite file of that release.");
    }

    /// <summary>Runs the batches in one transaction, again from the start when the server says the transaction may
    /// succeed on a retry (a write conflict with another transaction, an election).</summary>
    internal async Task<WriteConflict?> InTransactionAsync(IClientSessionHandle session, IReadOnlyList<WriteBatch> batches,
        CancellationToken cancellationToken, Func<IClientSessionHandle, CancellationToken, Task>? also = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            session.StartTransaction();
            try
            {
                foreach (var batch in batches)
                {
                    if (await ApplyAsync(session, batch, cancellationToken) is { } conflict)
                    {
                        await AbortQuietlyAsync(session);
                        return conflict;
                    }
                }
                if (also is not null) await also(session, cancellationToken);
                await CommitWithRetryAsync(session, cancellationToken);
                return null;
            }
            catch (MongoException error) when (error.HasErrorLabel("TransientTransactionError") && attempt < TransactionAttempts)
            {
                await AbortQuietlyAsync(session);
            }
        }
    }

    internal static async Task CommitWithRetryAsync(IClientSessionHandle session, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await session.CommitTransactionAsync(cancellationToken);
                return;
            }
            catch (MongoException error) when (error.HasErrorLabel("UnknownTransactionCommitResult") && attempt < TransactionAttempts)
            {
            }
        }
    }

    internal static async Task AbortQuietlyAsync(IClientSessionHandle session)
    {
        if (!session.IsInTransaction) return;
        try { await session.AbortTransactionAsync(); }
        catch (MongoException) { } // the server already ended it (a write error aborts a transaction)
    }

    internal async Task<WriteConflict?> ApplyAsync(IClientSessionHandle? session, WriteBatch batch, CancellationToken cancellationToken)
    {
        foreach (var operation in batch.Operations)
        {
            var collection = operation.Collection;
            var target = Of(collection);
            try
            {
                switch (operation)
                {
                    case WriteOperation.Insert insert:
                        await InsertAsync(session, target, StoredDocument(collection, insert.Id, insert.Version, insert.Document), cancellationToken);
                        break;
                    case WriteOperation.InsertNumbered numbered:
                        var number = await NextNumberAsync(session, numbered.Series, cancellationToken);
                        var document = numbered.Build(number);
                        await InsertAsync(session, target,
                            StoredDocument(collection, collection.IdOfDocument(document), collection.VersionOf(document) ?? 1, document), cancellationToken);
                        break;
                    case WriteOperation.Replace replace:
                        var replaced = await ReplaceAsync(session, target, AtVersion(replace.Id, replace.ExpectedVersion),
                            StoredDocument(collection, replace.Id, replace.Version, replace.Document), cancellationToken);
                        if (replaced.MatchedCount == 0) return new WriteConflict.Stale(collection.Name, replace.Id);
                        break;
                    case WriteOperation.Put put:
                        await UpdateAsync(session, target, ById(put.Id), PutUpdate(collection, put.Document), upsert: true, cancellationToken);
                        break;
                    case WriteOperation.Delete delete:
                        if (session is null) await target.DeleteOneAsync(ById(delete.Id), cancellationToken);
                        else await target.DeleteOneAsync(session, ById(delete.Id), cancellationToken: cancellationToken);
                        break;
                    case WriteOperation.Increment increment:
                        var result = await UpdateAsync(session, target, IncrementFilter(collection, increment.Id, increment.Counter, increment.By),
                            IncrementUpdate(increment.Counter, increment.By), upsert: false, cancellationToken);
                        if (result.MatchedCount == 0)
                        {
                            var exists = session is null
                                ? await target.Find(ById(increment.Id)).AnyAsync(cancellationToken)
                                : await target.Find(session, ById(increment.Id)).AnyAsync(cancellationToken);
                            return exists
                                ? new WriteConflict.LimitReached(collection.Name, increment.Id, increment.Counter)
                                : new WriteConflict.Missing(collection.Name, increment.Id);
                        }
                        break;
                    default:
                        throw new NotSupportedException(operation.GetType().Name);
                }
            }
            catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                return new WriteConflict.DuplicateKey(collection.Name, operation.Id, RuleOf(error.WriteError.Message));
            }
            catch (MongoCommandException error) when (error.Code == 11000)
            {
                return new WriteConflict.DuplicateKey(collection.Name, operation.Id, RuleOf(error.ErrorMessage));
            }
        }
        return null;
    }

    private static Task InsertAsync(IClientSessionHandle? session, IMongoCollection<BsonDocument> target, BsonDocument document,
        CancellationToken cancellationToken) =>
        session is null
            ? target.InsertOneAsync(document, cancellationToken: cancellationToken)
            : target.InsertOneAsync(session, document, cancellationToken: cancellationToken);

    private static Task<ReplaceOneResult> ReplaceAsync(IClientSessionHandle? session, IMongoCollection<BsonDocument> target,
        BsonDocument filter, BsonDocument document, CancellationToken cancellationToken) =>
        session is null
            ? target.ReplaceOneAsync(filter, document, cancellationToken: cancellationToken)
            : target.ReplaceOneAsync(session, filter, document, cancellationToken: cancellationToken);

    private static Task<UpdateResult> UpdateAsync(IClientSessionHandle? session, IMongoCollection<BsonDocument> target,
        BsonDocument filter, BsonDocument update, bool upsert, CancellationToken cancellationToken)
    {
        var options = new UpdateOptions { IsUpsert = upsert };
        return session is null
            ? target.UpdateOneAsync(filter, update, options, cancellationToken)
            : target.UpdateOneAsync(session, filter, update, options, cancellationToken);
    }

    private async Task<long> NextNumberAsync(IClientSessionHandle? session, string series, CancellationToken cancellationToken)
    {
        var sequences = database.GetCollection<BsonDocument>(SequencesCollection);
        var options = new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var counter = session is null
            ? await sequences.FindOneAndUpdateAsync(ById(series), NextNumberUpdate(), options, cancellationToken)
            : await sequences.FindOneAndUpdateAsync(session, ById(series), NextNumberUpdate(), options, cancellationToken);
        return Convert.ToInt64(FromBson(counter["value"]));
    }

    private IFindFluent<BsonDocument, BsonDocument> FindRaw(IDocumentCollection collection, BsonDocument filter) =>
        Session() is { } session ? Of(collection).Find(session, filter) : Of(collection).Find(filter);

    /// <summary>Inside a call transaction that wrote, reads go through its session and see its writes.</summary>
    private IClientSessionHandle? Session() => (CallTransaction.Current(this) as MongoCallTransaction)?.ActiveSession;

    internal void Committed(WriteBatch batch)
    {
        StoreWrites.Committed();
        if (outboxSignal is not null && batch.Operations.Any(o => ReferenceEquals(o.Collection, OutboxRecords.Collection))) outboxSignal.Notify();
    }

    private static Stored<T> Read<T>(DocumentCollection<T> collection, BsonDocument stored) where T : class =>
        new(collection.Deserialize(DocumentJson(stored)), Convert.ToInt64(FromBson(stored["_v"])));

}
